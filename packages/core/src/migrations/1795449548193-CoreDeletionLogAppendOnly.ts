import type { MigrationInterface, QueryRunner } from "typeorm";

/** The deletion log (gallringslogg) is append-only like the access log: no UPDATE or DELETE reaches it. */
export class CoreDeletionLogAppendOnly1795449548193 implements MigrationInterface {
  name = "CoreDeletionLogAppendOnly1795449548193";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TRIGGER \`deletion_log_no_update\` BEFORE UPDATE ON \`deletion_log\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'deletion_log is append-only'`,
    );
    await queryRunner.query(
      `CREATE TRIGGER \`deletion_log_no_delete\` BEFORE DELETE ON \`deletion_log\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'deletion_log is append-only'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`deletion_log_no_delete\``);
    await queryRunner.query(`DROP TRIGGER IF EXISTS \`deletion_log_no_update\``);
  }
}
