import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { Roles } from '../common/access.decorators';
import { CurrentActor } from '../common/current-user.decorator';
import { FormView } from '../common/form-view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { parseWith } from '../common/zod-validation.pipe';
import type { Language } from '../i18n/languages';
import { withFormLocals } from '../common/form-locals';
import { localized } from '../i18n/localized';
import { programmeFooter } from './programme-footer';
import { partMoveSchema, partSchema } from './programme.schemas';
import type { Programme } from './programme.entity';
import { PartsService, ruleFingerprint } from './parts.service';
import { ruleChangeJson } from '../completion/completion-views';
import { ProgrammesService } from './programmes.service';

const PROGRAMME_ID = new ParseIdPipe('programmes.errors.notFound');
const PART_ID = new ParseIdPipe('programmes.errors.partNotFound');

function partFormLocals(programme: Programme, lang: Language, partId?: string) {
  return {
    titleKey: partId ? 'programmes.parts.editTitle' : 'programmes.parts.newTitle',
    programme: { id: programme.id, title: localized(lang, programme.titleLv, programme.titleEn) },
    partId: partId ?? null,
    ...programmeFooter(programme),
  };
}

/** Admin pages of a programme's parts: create, edit, move up or down. */
@ApiExcludeController()
@Controller('admin')
export class PartsPagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly parts: PartsService,
  ) {}

  @Roles('admin')
  @Get('programmes/:id/parts/new')
  @Render('pages/programmes/part-form')
  async newForm(@Param('id', PROGRAMME_ID) id: string, @Req() req: Request) {
    const programme = await this.programmes.get(id);
    return { ...partFormLocals(programme, req.lang), values: { academicHours: '0', minAttendancePercent: '0' } };
  }

  @Roles('admin')
  @Post('programmes/:id/parts')
  @FormView('pages/programmes/part-form')
  async create(
    @Param('id', PROGRAMME_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    await withFormLocals(
      res,
      async () => partFormLocals(await this.programmes.get(id), req.lang),
      () => this.parts.create(id, parseWith(partSchema, body), actor),
    );
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.partSaved' }];
    res.redirect(303, `/admin/programmes/${id}#parts`);
  }

  @Roles('admin')
  @Get('parts/:id/edit')
  @Render('pages/programmes/part-form')
  async editForm(@Param('id', PART_ID) id: string, @Req() req: Request) {
    const part = await this.parts.get(id);
    return { ...partFormLocals(part.programme, req.lang, id), values: part };
  }

  @Roles('admin')
  @Post('parts/:id')
  @FormView('pages/programmes/part-form')
  async update(
    @Param('id', PART_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    // A changed completion rule is saved only once its dry run was shown for exactly that rule (`ruleConfirmed`).
    const { ruleConfirmed, ...fields } = (body ?? {}) as Record<string, unknown>;
    const outcome = await withFormLocals(
      res,
      async () => partFormLocals((await this.parts.get(id)).programme, req.lang, id),
      async () => {
        const input = parseWith(partSchema, fields);
        const fingerprint = ruleFingerprint(input);
        if (ruleConfirmed !== fingerprint) {
          const preview = await this.parts.previewRuleChange(id, input);
          if (preview?.evaluated) return { preview, fingerprint, saved: null };
        }
        return { preview: null, fingerprint, saved: await this.parts.updateWithCompletion(id, input, actor) };
      },
    );
    if (!outcome.saved) {
      const part = await this.parts.get(id);
      res.status(200).render('pages/programmes/part-form', {
        ...partFormLocals(part.programme, req.lang, id),
        values: fields,
        dryRun: { ...ruleChangeJson(outcome.preview!), fingerprint: outcome.fingerprint },
      });
      return;
    }
    const { part, completion } = outcome.saved;
    req.session.flash = [
      { kind: 'success' as const, key: 'programmes.flash.partSaved' },
      ...(completion
        ? [
            {
              kind: 'success' as const,
              key: 'completion.flash.ruleApplied',
              params: { uncompleted: completion.uncompleted.length, completed: completion.completed.length },
            },
          ]
        : []),
    ];
    res.redirect(303, `/admin/programmes/${part.programmeId}#parts`);
  }

  @Roles('admin')
  @Post('parts/:id/move')
  async move(
    @Param('id', PART_ID) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Body() body: unknown,
    @Res() res: Response,
  ) {
    const part = await this.parts.move(id, parseWith(partMoveSchema, body).direction, actor);
    req.session.flash = [{ kind: 'success', key: 'programmes.flash.partsReordered' }];
    res.redirect(303, `/admin/programmes/${part.programmeId}#parts`);
  }
}
