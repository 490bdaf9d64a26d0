"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnakeNamingStrategy = void 0;
const typeorm_1 = require("typeorm");
const snake = (value) => value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
/** Tables and columns in snake_case, so SQL written by hand reads naturally. */
class SnakeNamingStrategy extends typeorm_1.DefaultNamingStrategy {
    tableName(className, customName) {
        return customName ?? `${snake(className)}s`;
    }
    columnName(propertyName, customName, prefixes) {
        return snake(prefixes.concat(customName ?? propertyName).join('_'));
    }
    relationName(propertyName) {
        return snake(propertyName);
    }
    joinColumnName(relationName, referencedColumnName) {
        return snake(`${relationName}_${referencedColumnName}`);
    }
    joinTableName(firstTableName, secondTableName, firstPropertyName) {
        return snake(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}_${secondTableName}`);
    }
    joinTableColumnName(tableName, propertyName, columnName) {
        return snake(`${tableName}_${columnName ?? propertyName}`);
    }
}
exports.SnakeNamingStrategy = SnakeNamingStrategy;
