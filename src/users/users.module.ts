import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordToken } from './password-token.entity';
import { PasswordTokensService } from './password-tokens.service';
import { UserImportService } from './user-import.service';
import { UserSessions } from './user-sessions';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, PasswordToken])],
  providers: [UsersService, PasswordTokensService, UserSessions, UserImportService],
  exports: [UsersService, PasswordTokensService, UserImportService],
})
export class UsersModule {}
