"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsWebModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const users_module_1 = require("../users/users.module");
const outbox_admin_service_1 = require("./outbox-admin.service");
const outbox_api_controller_1 = require("./outbox-api.controller");
const outbox_message_entity_1 = require("./outbox-message.entity");
const outbox_pages_controller_1 = require("./outbox-pages.controller");
const unsubscribe_controller_1 = require("./unsubscribe.controller");
const unsubscribe_service_1 = require("./unsubscribe.service");
/** The outbox pages and API for administrators, and the unsubscribe links: web process only. */
let NotificationsWebModule = class NotificationsWebModule {
};
exports.NotificationsWebModule = NotificationsWebModule;
exports.NotificationsWebModule = NotificationsWebModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([outbox_message_entity_1.OutboxMessage]), users_module_1.UsersModule],
        controllers: [outbox_pages_controller_1.OutboxPagesController, outbox_api_controller_1.OutboxApiController, unsubscribe_controller_1.UnsubscribeController],
        providers: [outbox_admin_service_1.OutboxAdminService, unsubscribe_service_1.UnsubscribeService],
    })
], NotificationsWebModule);
