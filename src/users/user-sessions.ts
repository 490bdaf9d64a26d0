import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The web sessions table (written by the session store); a disabled user's sessions end here at once. */
@Injectable()
export class UserSessions {
  async endAll(manager: EntityManager, userId: string): Promise<number> {
    const result: [unknown[], number] = await manager.query(`DELETE FROM user_sessions WHERE sess->>'userId' = $1`, [userId]);
    return result[1] ?? 0;
  }
}
