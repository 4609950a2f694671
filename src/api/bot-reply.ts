/**
 * The bot endpoint answers through this reply: a success as the bot wrote it, a refusal (any 4xx
 * or 5xx, whether our bot or botbuilder wrote it) as the catalogue's problem for its status, so no
 * library text reaches the caller and every refusal of /api/messages is problem+json.
 */
import type { Response } from 'express';
import { logReason } from './middleware/request-context';
import { problemForStatus, sendProblem } from './problems';

/** What the bot endpoint writes to (bot/index.ts `BotResponse` has this shape). */
export interface BotReply {
  status(code: number): BotReply;
  json(body: unknown): unknown;
  end(): unknown;
  readonly headersSent: boolean;
}

/** When the Bot Connector should resend after the Bot Framework's keys could not be read. */
const botRetryAfterSeconds = 10;

/** A string member of a refusal's body: the bot's own 400s say which field is wrong (`detail`), its adapter why a token was refused (`reason`). */
function member(body: unknown, name: 'detail' | 'reason'): string | undefined {
  if (typeof body !== 'object' || body === null || !(name in body)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

export function botReply(res: Response): BotReply {
  let status = 200;
  const refuse = (body: unknown): void => {
    // why, for the request's one log line; the caller gets the catalogue's words only
    logReason(res, member(body, 'reason') ?? `bot endpoint answered ${status}`);
    const detail = status === 400 ? member(body, 'detail') : undefined;
    sendProblem(res, problemForStatus(status, {
      ...(detail !== undefined ? { detail } : {}),
      ...(status === 503 ? { retryAfterSeconds: botRetryAfterSeconds } : {}),
    }));
  };
  const reply: BotReply = {
    status(code) {
      status = code;
      return reply;
    },
    json(body) {
      if (status >= 400) refuse(body);
      else res.status(status).json(body);
    },
    end() {
      if (status >= 400) refuse(undefined);
      else res.status(status).end();
    },
    get headersSent() {
      return res.headersSent;
    },
  };
  return reply;
}
