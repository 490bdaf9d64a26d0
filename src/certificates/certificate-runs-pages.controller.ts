import { Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { confirmed } from '../common/confirm';
import { CurrentActor } from '../common/current-user.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { certificateRunPageView, runFailuresView } from './certificate-run-views';
import { CertificateRunsService } from './certificate-runs.service';
import { CertificateReads } from './certificate-reads.service';
import { NothingToIssueError } from './certificates.errors';

const COHORT_ID = new ParseIdPipe('cohorts.errors.notFound');
const RUN_ID = new ParseIdPipe('certificateRuns.errors.notFound');

/** While a run goes on, its page without a script reloads itself this often (unless asked not to). */
const REFRESH_SECONDS = 5;

/**
 * Certificate runs from the cohort's certificates page: starting one after a confirmation that names how many
 * will be issued, and the run's page, whose progress survives a reload (it is kept in the database). A script
 * follows the progress in place; without one the page reloads itself while the run goes on.
 */
@ApiExcludeController()
@Roles('admin')
@Controller('cohorts/:cohortId/certificate-runs')
export class CertificateRunsPagesController {
  constructor(
    private readonly runs: CertificateRunsService,
    private readonly reads: CertificateReads,
  ) {}

  @Post()
  async start(@Param('cohortId', COHORT_ID) cohortId: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const { eligible, active } = await this.runs.overview(actor, cohortId);
    if (!active) {
      if (!eligible) throw new NothingToIssueError();
      const question = {
        question: 'certificateRuns.confirm.question',
        params: { count: eligible },
        consequence: 'certificateRuns.confirm.consequence',
        button: 'certificateRuns.confirm.button',
        back: `/cohorts/${cohortId}/certificates`,
      };
      if (!confirmed(req, res, question)) return;
    }
    const { run, created } = await this.runs.start(actor, cohortId);
    req.session.flash = [{ kind: 'success', key: created ? 'certificateRuns.flash.started' : 'certificateRuns.flash.alreadyRunning' }];
    res.redirect(303, `/cohorts/${cohortId}/certificate-runs/${run.id}`);
  }

  @Get(':runId')
  @Render('pages/certificates/run')
  async show(
    @Param('cohortId', COHORT_ID) cohortId: string,
    @Param('runId', RUN_ID) runId: string,
    @CurrentActor() actor: Actor,
    @Query('refresh') refresh: unknown,
    @Req() req: Request,
  ) {
    const run = await this.runs.ofCohort(actor, cohortId, runId);
    const { cohort } = await this.reads.cohort(actor, cohortId);
    const view = certificateRunPageView(run);
    const autoRefresh = view.active && refresh !== 'off';
    return {
      titleKey: 'certificateRuns.run.title',
      cohort: { id: cohort.id, name: cohort.name },
      run: view,
      failures: runFailuresView(await this.runs.failures(run)),
      refreshSeconds: autoRefresh ? REFRESH_SECONDS : null,
      scripts: view.active ? ['/assets/js/certificate-run.js'] : [],
      selfUrl: req.path,
    };
  }
}
