import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './common/access.guard';
import { AllExceptionsFilter } from './common/exception.filter';
import { FormViewInterceptor } from './common/form-view';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { UsersModule } from './users/users.module';

/** The HTTP process: pages and the JSON API. */
@Module({
  imports: [CoreModule, UsersModule, AuthModule, HealthModule, HomeModule],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_INTERCEPTOR, useClass: FormViewInterceptor },
  ],
})
export class WebModule {}
