import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordToken } from './password-token.entity';
import { PasswordResetLimiter } from './password-reset-limiter';
import { PasswordTokensService } from './password-tokens.service';
import { UserImportService } from './user-import.service';
import { UserRecords } from './user-records.service';
import { UserSessions } from './user-sessions';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { RedisModule } from '../redis/redis.module';

@Module({
  imports: [RedisModule, NotificationsModule, TypeOrmModule.forFeature([User, PasswordToken])],
  providers: [UsersService, PasswordTokensService, PasswordResetLimiter, UserRecords, UserSessions, UserImportService],
  exports: [UsersService, PasswordTokensService, UserImportService],
})
export class UsersModule {}
