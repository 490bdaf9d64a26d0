import { localized } from '../i18n/localized';
import { acceptAttribute, allowedLabel } from '../storage/file-policy';
import { formatFileSize } from '../storage/file-size';
import { extensionOf } from '../storage/file-names';
import type { Language } from '../i18n/languages';
import type { Material } from './material.entity';
import { MATERIAL_KINDS, type MaterialList } from './materials.service';

/** A material as the API gives it. */
export function materialJson(material: Material) {
  return {
    id: material.id,
    title: material.title,
    fileName: material.fileName,
    mimeType: material.mimeType,
    size: Number(material.size),
    sha256: material.sha256,
    partId: material.partId,
    cohortId: material.cohortId,
    uploadedById: material.uploadedById,
    createdAt: material.createdAt.toISOString(),
    downloadUrl: `/api/v1/materials/${material.id}/download`,
  };
}

function materialRow(material: Material, lang: Language, canDelete: boolean) {
  return {
    id: material.id,
    title: material.title,
    fileName: material.fileName,
    type: extensionOf(material.fileName).toUpperCase(),
    size: formatFileSize(Number(material.size), lang),
    createdAt: material.createdAt,
    canDelete,
  };
}

/** Everything the materials page shows, for a cohort or a part. */
export function materialsPage(list: MaterialList, lang: Language, maxMb: number) {
  const partTitle = localized(lang, list.part.titleLv, list.part.titleEn);
  const uploadTo = list.cohort
    ? list.canUploadToCohort && `/cohorts/${list.cohort.id}/materials`
    : list.canUploadToPart && `/parts/${list.part.id}/materials`;
  return {
    titleKey: 'materials.title',
    heading: list.cohort ? list.cohort.name : partTitle,
    partTitle,
    cohort: list.cohort ? { id: list.cohort.id, name: list.cohort.name } : null,
    part: { id: list.part.id, number: list.part.number, title: partTitle },
    partMaterials: list.partMaterials.map((m) => materialRow(m, lang, list.canUploadToPart)),
    cohortMaterials: list.cohortMaterials.map((m) => materialRow(m, lang, list.canUploadToCohort)),
    upload: uploadTo ? { action: uploadTo, accept: acceptAttribute(MATERIAL_KINDS), allowed: allowedLabel(MATERIAL_KINDS), maxMb } : null,
  };
}
