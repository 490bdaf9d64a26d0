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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HomeController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const access_decorators_1 = require("../common/access.decorators");
const current_user_decorator_1 = require("../common/current-user.decorator");
const user_entity_1 = require("../users/user.entity");
/** The start page of each role. */
let HomeController = class HomeController {
    home(user) {
        return {
            titleKey: 'home.title',
            name: user.name,
            isAdmin: user.hasRole('admin'),
            isInstructor: user.hasRole('instructor'),
            isTrainee: user.hasRole('trainee'),
        };
    }
};
exports.HomeController = HomeController;
__decorate([
    (0, access_decorators_1.Authenticated)(),
    (0, common_1.Get)(),
    (0, common_1.Render)('pages/home/index'),
    __param(0, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [user_entity_1.User]),
    __metadata("design:returntype", void 0)
], HomeController.prototype, "home", null);
exports.HomeController = HomeController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)()
], HomeController);
