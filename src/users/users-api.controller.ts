import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiErrorResponses, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-docs';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { UserImportService } from './user-import.service';
import { CSV_UPLOAD, UploadedCsv } from './user-import.upload';
import { importRefusedSchema, importReportSchema, userPageSchema, userResponseSchema } from './user.responses';
import { importRefusedJson, userJson, userPageJson } from './user-views';
import {
  CreateUserInput,
  createUserSchema,
  importUsersSchema,
  PatchUserInput,
  patchUserSchema,
  UserListQuery,
  userListQuerySchema,
} from './user.schemas';
import { UsersService } from './users.service';

const userNotFound = new ParseIdPipe('users.errors.notFound');

@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiErrorResponses(401, 403)
@Roles('admin')
@Controller('api/v1/users')
export class UsersApiController {
  constructor(
    private readonly users: UsersService,
    private readonly imports: UserImportService,
    private readonly i18n: I18nService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users', description: 'Search by name, email or department; filter by role and status; paged.' })
  @ApiZodQuery(userListQuerySchema)
  @ApiZodResponse(200, 'A page of users.', userPageSchema)
  @ApiErrorResponses(400)
  async list(@Query(new ZodValidationPipe(userListQuerySchema)) query: UserListQuery) {
    return userPageJson(await this.users.list(query), query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user', description: 'Emails them an invitation to set a password.' })
  @ApiZodBody(createUserSchema)
  @ApiZodResponse(201, 'The new user.', userResponseSchema)
  @ApiErrorResponses(400, 409)
  async create(@Body(new ZodValidationPipe(createUserSchema)) input: CreateUserInput, @CurrentActor() actor: Actor) {
    const user = await this.users.create(input, actor);
    return userJson(await this.users.getSummary(user.id));
  }

  /** Before `:id`, though no GET shares the path: one import route for JSON and multipart. */
  @Post('import')
  @UseInterceptors(FileInterceptor('file', CSV_UPLOAD))
  @ApiOperation({
    summary: 'Import users from CSV',
    description:
      'Send `{ "csv": "..." }` as JSON, or a multipart form with a `file` (UTF-8, with or without BOM, comma or semicolon separated, at most 1 MB). ' +
      'Header columns: name, email, roles (separated by |, ; or space), department, language. All or nothing: if any row is refused, no user is created.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiZodBody(
    importUsersSchema.extend({ file: z.string().meta({ format: 'binary' }).optional().describe('Multipart only: the CSV file.') }),
  )
  @ApiZodResponse(201, 'Every row was valid; every user was created and invited.', importReportSchema)
  @ApiZodResponse(422, 'Some rows were refused; nothing was created. The report says why, row by row.', importRefusedSchema)
  @ApiErrorResponses(400, 413)
  async import(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body(new ZodValidationPipe(importUsersSchema)) input: { csv?: string },
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.imports.import({ file: file?.buffer, csv: input.csv }, actor, req.lang);
    if (report.ok) return report;
    res.status(422);
    return importRefusedJson(report, this.i18n.t(req.lang, 'users.import.refused', { count: report.refused }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user' })
  @ApiZodResponse(200, 'The user.', userResponseSchema)
  @ApiErrorResponses(404)
  async get(@Param('id', userNotFound) id: string) {
    return userJson(await this.users.getSummary(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user',
    description: 'Only the fields sent change. An administrator cannot remove their own admin role.',
  })
  @ApiZodBody(patchUserSchema)
  @ApiZodResponse(200, 'The changed user.', userResponseSchema)
  @ApiErrorResponses(400, 404, 409)
  async update(
    @Param('id', userNotFound) id: string,
    @Body(new ZodValidationPipe(patchUserSchema)) input: PatchUserInput,
    @CurrentActor() actor: Actor,
  ) {
    await this.users.update(id, input, actor);
    return userJson(await this.users.getSummary(id));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user', description: 'Ends all their sessions at once; their API tokens stop working. Not yourself.' })
  @ApiZodResponse(200, 'The disabled user.', userResponseSchema)
  @ApiErrorResponses(404, 409)
  async disable(@Param('id', userNotFound) id: string, @CurrentActor() actor: Actor) {
    await this.users.setDisabled(id, true, actor);
    return userJson(await this.users.getSummary(id));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user' })
  @ApiZodResponse(200, 'The enabled user.', userResponseSchema)
  @ApiErrorResponses(404)
  async enable(@Param('id', userNotFound) id: string, @CurrentActor() actor: Actor) {
    await this.users.setDisabled(id, false, actor);
    return userJson(await this.users.getSummary(id));
  }

  @Post(':id/invite')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a new invitation', description: 'The earlier link stops working.' })
  @ApiZodResponse(202, 'The invitation is queued for sending.')
  @ApiErrorResponses(404)
  async invite(@Param('id', userNotFound) id: string, @CurrentActor() actor: Actor) {
    await this.users.resendInvitation(id, actor);
    return { status: 'queued' };
  }
}
