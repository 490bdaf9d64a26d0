import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apiTokenSchema } from '../auth/auth.schemas';
import { ApiTokensService } from '../auth/api-tokens.service';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiErrorResponses, ApiZodBody, ApiZodResponse } from '../common/api-docs';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { apiTokenListSchema, createdApiTokenResponseSchema } from './user.responses';
import { apiTokenJson, createdApiTokenJson } from './user-views';
import { UsersService } from './users.service';

const userNotFound = new ParseIdPipe('users.errors.notFound');

@ApiTags('api tokens')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiErrorResponses(401, 403, 404)
@Roles('admin')
@Controller('api/v1/users/:id/tokens')
export class UserTokensApiController {
  constructor(
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  @Get()
  @ApiOperation({ summary: "List a user's API tokens", description: 'Names and first characters only; the secrets are not kept.' })
  @ApiZodResponse(200, 'The tokens, newest first, revoked ones included.', apiTokenListSchema)
  async list(@Param('id', userNotFound) id: string) {
    await this.users.get(id);
    return (await this.apiTokens.listFor(id)).map(apiTokenJson);
  }

  @Post()
  @ApiOperation({ summary: 'Create an API token for a user', description: 'The answer carries the secret: the only time it is shown.' })
  @ApiZodBody(apiTokenSchema)
  @ApiZodResponse(201, 'The token with its secret.', createdApiTokenResponseSchema)
  @ApiErrorResponses(400)
  async create(
    @Param('id', userNotFound) id: string,
    @Body(new ZodValidationPipe(apiTokenSchema)) input: { name: string },
    @CurrentActor() actor: Actor,
  ) {
    const { token, secret } = await this.apiTokens.create(id, input.name, actor);
    return createdApiTokenJson(token, secret);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token', description: 'It stops working at once.' })
  @ApiZodResponse(204, 'Revoked.')
  async revoke(
    @Param('id', userNotFound) id: string,
    @Param('tokenId', new ParseIdPipe('auth.errors.tokenNotFound')) tokenId: string,
    @CurrentActor() actor: Actor,
  ) {
    await this.apiTokens.revoke(id, tokenId, actor);
  }
}
