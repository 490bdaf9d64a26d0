import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ProfileApiController } from './profile-api.controller';
import { ProfilePagesController } from './profile-pages.controller';
import { UserImportPagesController } from './user-import-pages.controller';
import { UserTokensApiController } from './user-tokens-api.controller';
import { UserTokensPagesController } from './user-tokens-pages.controller';
import { UsersApiController } from './users-api.controller';
import { UsersPagesController } from './users-pages.controller';
import { UsersModule } from './users.module';

/**
 * The users' pages and API, in the web process only. A module of its own because the API-token pages
 * need the AuthModule, which itself builds on the UsersModule.
 */
@Module({
  imports: [UsersModule, AuthModule],
  // The import routes come before the user pages, so `/admin/users/import` is not taken for a user id.
  controllers: [
    UserImportPagesController,
    UsersPagesController,
    UserTokensPagesController,
    ProfilePagesController,
    UsersApiController,
    UserTokensApiController,
    ProfileApiController,
  ],
})
export class UsersWebModule {}
