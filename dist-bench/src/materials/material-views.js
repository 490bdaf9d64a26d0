"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.materialJson = materialJson;
exports.materialsPage = materialsPage;
const localized_1 = require("../programmes/localized");
const file_policy_1 = require("../storage/file-policy");
const file_size_1 = require("../storage/file-size");
const file_names_1 = require("../storage/file-names");
const materials_service_1 = require("./materials.service");
/** A material as the API gives it. */
function materialJson(material) {
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
function materialRow(material, lang, canDelete) {
    return {
        id: material.id,
        title: material.title,
        fileName: material.fileName,
        type: (0, file_names_1.extensionOf)(material.fileName).toUpperCase(),
        size: (0, file_size_1.formatFileSize)(Number(material.size), lang),
        createdAt: material.createdAt,
        canDelete,
    };
}
/** Everything the materials page shows, for a cohort or a part. */
function materialsPage(list, lang, maxMb) {
    const partTitle = (0, localized_1.localized)(lang, list.part.titleLv, list.part.titleEn);
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
        upload: uploadTo ? { action: uploadTo, accept: (0, file_policy_1.acceptAttribute)(materials_service_1.MATERIAL_KINDS), allowed: (0, file_policy_1.allowedLabel)(materials_service_1.MATERIAL_KINDS), maxMb } : null,
    };
}
