"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedDemo = seedDemo;
exports.demoLogins = demoLogins;
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const passwords_1 = require("../auth/passwords");
const data_source_options_1 = require("../database/data-source-options");
const preflight_1 = require("../preflight");
const user_entity_1 = require("../users/user.entity");
const demo_users_1 = require("./demo-users");
/** Loads the demo data; running it again changes nothing. */
async function seedDemo(dataSource) {
    const hash = await (0, passwords_1.hashPassword)(demo_users_1.DEMO_PASSWORD);
    await dataSource.transaction(async (manager) => {
        for (const demo of demo_users_1.DEMO_USERS) {
            await manager
                .createQueryBuilder()
                .insert()
                .into(user_entity_1.User)
                .values({ ...demo, passwordHash: hash })
                .orIgnore()
                .execute();
        }
    });
}
/** The lines the quick start shows: where to go and who to log in as. */
function demoLogins(publicUrl) {
    const lines = [`Open ${publicUrl}/login and log in as one of the demo users (password: ${demo_users_1.DEMO_PASSWORD}):`];
    for (const user of demo_users_1.DEMO_USERS)
        lines.push(`  ${user.roles.join(', ').padEnd(12)} ${user.email.padEnd(26)} ${user.name}`);
    return `${lines.join('\n')}\n`;
}
async function main() {
    // Same checks as the web and worker: one clear line when PostgreSQL or Redis is missing, migrations applied.
    const env = await (0, preflight_1.preflight)({ migrate: true });
    const dataSource = new typeorm_1.DataSource((0, data_source_options_1.dataSourceOptions)(env));
    await dataSource.initialize();
    try {
        await seedDemo(dataSource);
    }
    finally {
        await dataSource.destroy();
    }
    process.stdout.write(`Demo data loaded.\n${demoLogins(env.PUBLIC_URL)}`);
}
if (require.main === module)
    void main();
