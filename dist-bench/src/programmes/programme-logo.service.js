"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgrammeLogoService = exports.LOGO_POLICY = exports.LOGO_FIELD = void 0;
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
const storage_service_1 = require("../storage/storage.service");
const programmes_errors_1 = require("./programmes.errors");
const programmes_service_1 = require("./programmes.service");
exports.LOGO_FIELD = 'logo';
/** Raster images only: an SVG can carry scripts. */
exports.LOGO_POLICY = { keyPrefix: 'logo', allowed: ['png', 'jpeg', 'webp'], maxBytes: 1024 * 1024 };
/** The optional logo of a programme's funded project, shown in the footer of its pages. */
let ProgrammeLogoService = class ProgrammeLogoService {
    programmes;
    storage;
    constructor(programmes, storage) {
        this.programmes = programmes;
        this.storage = storage;
    }
    /** Stores the uploaded image and puts it on the programme; the image it replaces is removed after commit. */
    async upload(id, req, actor) {
        await this.programmes.get(id);
        const { file } = await this.storage.receive(req, exports.LOGO_FIELD, exports.LOGO_POLICY);
        if (!file)
            throw errors_1.ValidationFailedError.field(exports.LOGO_FIELD, 'required');
        const previous = await this.storage.keepIf(file, () => this.programmes.setLogo(id, { key: file.key, mimeType: file.mimeType }, actor, req));
        if (previous)
            await this.storage.discard(previous);
    }
    async remove(id, actor, req) {
        const previous = await this.programmes.setLogo(id, null, actor, req);
        if (previous)
            await this.storage.discard(previous);
    }
    /** The logo of a programme the user may see. */
    async open(user, id) {
        const programme = await this.programmes.getVisible(user, id);
        if (!programme.logoKey || !programme.logoMimeType || !(await this.storage.exists(programme.logoKey)))
            throw new programmes_errors_1.ProgrammeNotFoundError();
        return { content: this.storage.openRead(programme.logoKey), mimeType: programme.logoMimeType };
    }
};
exports.ProgrammeLogoService = ProgrammeLogoService;
exports.ProgrammeLogoService = ProgrammeLogoService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [programmes_service_1.ProgrammesService,
        storage_service_1.StorageService])
], ProgrammeLogoService);
