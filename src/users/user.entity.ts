import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../common/roles';
import type { Language } from '../i18n/languages';

@Entity()
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  roles: Role[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  department: string | null;

  @Column({ type: 'varchar', length: 2, default: 'lv' })
  language: Language;

  @Column({ type: 'boolean', default: true })
  notifyReminders: boolean;

  @Column({ type: 'boolean', default: true })
  notifyUpdates: boolean;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Raised when the user renews their calendar feed link, which kills the old one. */
  @Column({ type: 'int', default: 0 })
  calendarFeedVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  hasRole(...roles: Role[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }
}
