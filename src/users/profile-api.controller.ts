import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Authenticated } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/current-user.decorator';
import { ApiErrorResponses, ApiZodBody, ApiZodResponse } from '../common/api-docs';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { CurrentUserSummary } from './current-user-summary.decorator';
import type { UserSummary } from './user-summary';
import { userResponseSchema } from './user.responses';
import { userJson } from './user-views';
import { profilePatchSchema } from './user.schemas';
import { UsersService } from './users.service';

@ApiTags('profile')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiErrorResponses(401)
@Authenticated()
@Controller('api/v1/me')
export class ProfileApiController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiZodResponse(200, 'Your account.', userResponseSchema)
  me(@CurrentUserSummary() caller: UserSummary) {
    return userJson(caller);
  }

  @Patch()
  @ApiOperation({ summary: 'Change your profile', description: 'Name, language and email preferences; only the fields sent change.' })
  @ApiZodBody(profilePatchSchema)
  @ApiZodResponse(200, 'Your account.', userResponseSchema)
  @ApiErrorResponses(400)
  async update(@CurrentActor() actor: Actor, @Body(new ZodValidationPipe(profilePatchSchema)) input: z.infer<typeof profilePatchSchema>) {
    const user = await this.users.updateProfile(actor, input);
    return userJson(await this.users.getSummary(user.id));
  }
}
