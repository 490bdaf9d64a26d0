import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, Roles } from '../common/access.decorators';
import { ApiErrorResponses, ApiOk, ApiZodBody } from '../common/api-docs';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import { I18nService } from '../i18n/i18n.service';
import { CompletionAccess } from './completion-access.service';
import { CompletionChangesService } from './completion-changes.service';
import { closedCohortJson, cohortCompletionJson, memberJson } from './completion-views';
import { manualCompletionSchema, reopenCohortSchema } from './completion.schemas';
import {
  closedCohortBody,
  cohortCompletionBody,
  enrolmentCompletionBody,
  enrolmentCompletionListBody,
  reopenedCohortBody,
} from './completion.responses';

const COHORT_ID = new ParseIdPipe('completion.errors.notFound');
const ENROLMENT_ID = new ParseIdPipe('completion.errors.notFound');

/** Completion of cohorts and enrolments: reading it, setting it by hand, closing and reopening a cohort. */
@ApiTags('completion')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('api/v1')
export class CompletionApiController {
  constructor(
    private readonly access: CompletionAccess,
    private readonly changes: CompletionChangesService,
    private readonly i18n: I18nService,
  ) {}

  @Roles('instructor', 'admin')
  @Get('cohorts/:cohortId/completion')
  @ApiOperation({ summary: "Each member's completion of the part, criterion by criterion (admins and the cohort's instructors)" })
  @ApiOk(cohortCompletionBody)
  async cohort(@CurrentActor() actor: Actor, @Req() req: Request, @Param('cohortId', COHORT_ID) cohortId: string) {
    return cohortCompletionJson(await this.access.cohort(actor, cohortId), req.lang, this.i18n);
  }

  @Authenticated()
  @Get('enrolments/:id/completion')
  @ApiOperation({ summary: "One enrolment's completion (its trainee, admins and the cohort's instructors)" })
  @ApiOk(enrolmentCompletionBody)
  async enrolment(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', ENROLMENT_ID) id: string) {
    return memberJson(await this.access.enrolment(actor, id), req.lang, this.i18n);
  }

  @Authenticated()
  @Get('me/completion')
  @ApiOperation({ summary: 'My completion of each part I take or took, criterion by criterion' })
  @ApiOk(enrolmentCompletionListBody)
  async mine(@CurrentActor() actor: Actor, @Req() req: Request) {
    return { items: (await this.access.mine(actor)).map((m) => memberJson(m, req.lang, this.i18n)) };
  }

  @Roles('admin')
  @Post('enrolments/:id/completion/manual')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a completion by hand, with a reason (audited)',
    description:
      '`completed` or `not_completed` overrides the rule; `rule` clears what was set by hand. Refused while the cohort is closed.',
  })
  @ApiZodBody(manualCompletionSchema)
  @ApiOk(enrolmentCompletionBody)
  @ApiErrorResponses(409)
  async setByHand(@CurrentActor() actor: Actor, @Req() req: Request, @Param('id', ENROLMENT_ID) id: string, @Body() body: unknown) {
    return memberJson(await this.changes.setByHand(actor, id, parseWith(manualCompletionSchema, body)), req.lang, this.i18n);
  }

  @Roles('admin')
  @Post('cohorts/:id/close')
  @HttpCode(200)
  @ApiOperation({
    summary: "Close a cohort: fix each member's enrolment as completed or not completed (audited)",
    description: 'Completion is brought up to date first. A closed cohort keeps these results until it is reopened.',
  })
  @ApiOk(closedCohortBody)
  @ApiErrorResponses(409)
  async close(@CurrentActor() actor: Actor, @Param('id', COHORT_ID) id: string) {
    return closedCohortJson(await this.changes.close(actor, id));
  }

  @Roles('admin')
  @Post('cohorts/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed cohort, with a reason (audited): its members take part again' })
  @ApiZodBody(reopenCohortSchema)
  @ApiOk(reopenedCohortBody)
  @ApiErrorResponses(409)
  async reopen(@CurrentActor() actor: Actor, @Param('id', COHORT_ID) id: string, @Body() body: unknown) {
    return this.changes.reopen(actor, id, parseWith(reopenCohortSchema, body));
  }
}
