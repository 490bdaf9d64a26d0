import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Part } from '../programmes/part.entity';

/** A folder of a part's question bank, named by its whole path: `Projektu vadība/Plānošana`. */
@Entity('question_categories')
@Index(['partId', 'name'], { unique: true })
export class QuestionCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partId: string;

  @ManyToOne(() => Part, { onDelete: 'CASCADE' })
  @JoinColumn()
  part: Part;

  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
