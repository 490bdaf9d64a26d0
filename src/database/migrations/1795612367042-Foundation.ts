import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795612367042 implements MigrationInterface {
  name = 'Foundation1795612367042';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Server-side web sessions (express-session, src/auth/session-store.ts); not an entity.
    await queryRunner.query(`
            CREATE TABLE "user_sessions" (
                "sid" character varying NOT NULL,
                "sess" json NOT NULL,
                "expire" TIMESTAMP(6) NOT NULL,
                CONSTRAINT "PK_user_sessions" PRIMARY KEY ("sid")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_user_sessions_expire" ON "user_sessions" ("expire")`);
    await queryRunner.query(`CREATE INDEX "IDX_user_sessions_user" ON "user_sessions" ((sess->>'userId'))`);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "name" character varying(200) NOT NULL,
                "roles" character varying(20) array NOT NULL DEFAULT '{}',
                "department" character varying(200),
                "language" character varying(2) NOT NULL DEFAULT 'lv',
                "notify_reminders" boolean NOT NULL DEFAULT true,
                "notify_updates" boolean NOT NULL DEFAULT true,
                "password_hash" text,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "api_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "prefix" character varying(12) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_by_id" uuid,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_bbd687a104e1921e6702c6e3aad" UNIQUE ("token_hash"),
                CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b74883f5884a42fd8496d389b2" ON "api_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "password_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_d32f54ae25a41e7a96c2a3a4ce9" UNIQUE ("token_hash"),
                CONSTRAINT "PK_816120c39410c02dabd34b8672b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5ac1fd8593c46bf145b2b88619" ON "password_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "actor_id" uuid,
                "action" character varying(60) NOT NULL,
                "entity_type" character varying(60) NOT NULL,
                "entity_id" character varying(64),
                "before" jsonb,
                "after" jsonb,
                "ip" character varying(64),
                "request_id" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events" ("actor_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_68d908019304f757740bc47a0a" ON "audit_events" ("action")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_497bb4f7c4c55db9749616cd2a" ON "audit_events" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5c7623cfe8d008e1c1fd758fbc" ON "audit_events" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "dedup_key" character varying(300) NOT NULL,
                "recipient_email" character varying(254) NOT NULL,
                "recipient_id" uuid,
                "template" character varying(80) NOT NULL,
                "category" character varying(20) NOT NULL,
                "language" character varying(2) NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "subject" character varying(300) NOT NULL,
                "html" text NOT NULL,
                "text" text NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "message_id" character varying(300) NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_ffbe2de39687d1194cb308120a3" UNIQUE ("dedup_key"),
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e387c5f8849e248731ae606937" ON "outbox_messages" ("recipient_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_619e9741bb7812292f54d1670a" ON "outbox_messages" ("status", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens"
            ADD CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "password_tokens"
            ADD CONSTRAINT "FK_5ac1fd8593c46bf145b2b886195" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_sessions"`);
    await queryRunner.query(`
            ALTER TABLE "password_tokens" DROP CONSTRAINT "FK_5ac1fd8593c46bf145b2b886195"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_b74883f5884a42fd8496d389b25"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_619e9741bb7812292f54d1670a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e387c5f8849e248731ae606937"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5c7623cfe8d008e1c1fd758fbc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_497bb4f7c4c55db9749616cd2a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_68d908019304f757740bc47a0a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5ac1fd8593c46bf145b2b88619"
        `);
    await queryRunner.query(`
            DROP TABLE "password_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b74883f5884a42fd8496d389b2"
        `);
    await queryRunner.query(`
            DROP TABLE "api_tokens"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
  }
}
