import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';
import { AuthPagesController } from './auth-pages.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionAuth } from './session-auth';
import { SessionStore } from './session-store';
import { RedisModule } from '../redis/redis.module';

@Module({
  imports: [RedisModule, TypeOrmModule.forFeature([ApiToken]), UsersModule],
  controllers: [AuthPagesController],
  providers: [AuthService, ApiTokensService, LoginRateLimiter, SessionAuth, SessionStore],
  exports: [AuthService, ApiTokensService, SessionAuth, SessionStore],
})
export class AuthModule {}
