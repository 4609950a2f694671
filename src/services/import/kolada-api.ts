/**
 * Kolada's open API v2, fetched by the server (Microsoft 365 mode, where it reaches the internet):
 * a KPI's values for organisational units in a year, every page followed by `next_page`. Tenants
 * that block the internet keep the file path: the same answers saved as a file (kolada-json.ts).
 */
import { ServiceError } from '../errors';
import { KoladaAnswerSchema, type KoladaAnswer } from './kolada-json';

/** The port: a KPI's values for the given units (Kolada ou ids) in a year, all pages. */
export interface KoladaApi {
  ouData(kpi: string, ouIds: readonly string[], year: number): Promise<KoladaAnswer[]>;
}

/** Kolada could not be reached or answered something else than its API's shape. */
export class KoladaUnavailableError extends ServiceError {
  override readonly name = 'KoladaUnavailableError';
}

export interface KoladaHttpOptions {
  /** default https://api.kolada.se */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** per request; default 10 s */
  readonly timeoutMs?: number;
  /** pages followed at most per request; default 50 (Kolada pages 5,000 values) */
  readonly maxPages?: number;
  /** ou ids per request (they go in the path); default 25 */
  readonly ouIdsPerRequest?: number;
}

export function createKoladaHttp(options: KoladaHttpOptions = {}): KoladaApi {
  const base = new URL(options.baseUrl ?? 'https://api.kolada.se');
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxPages = options.maxPages ?? 50;
  const perRequest = Math.max(1, options.ouIdsPerRequest ?? 25);

  async function page(url: URL): Promise<KoladaAnswer> {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new KoladaUnavailableError(`Kolada svarar inte (${error instanceof Error ? error.name : String(error)})`);
    }
    if (!response.ok) throw new KoladaUnavailableError(`Kolada svarade ${response.status}`);
    const parsed = KoladaAnswerSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new KoladaUnavailableError('Koladas svar har inte API v2:s form');
    return parsed.data;
  }

  async function allPages(first: URL): Promise<KoladaAnswer[]> {
    const answers: KoladaAnswer[] = [];
    let next: URL | undefined = first;
    while (next) {
      if (answers.length >= maxPages) throw new KoladaUnavailableError(`Koladas svar har fler än ${maxPages} sidor`);
      const answer = await page(next);
      answers.push(answer);
      next = answer.next_page ? new URL(answer.next_page, base) : undefined;
      // a next page elsewhere than Kolada is not followed: the server fetches only from Kolada
      if (next && next.origin !== base.origin) throw new KoladaUnavailableError('Koladas nästa sida pekar till en annan adress');
    }
    return answers;
  }

  return {
    async ouData(kpi, ouIds, year) {
      const answers: KoladaAnswer[] = [];
      for (let i = 0; i < ouIds.length; i += perRequest) {
        const ids = ouIds.slice(i, i + perRequest).map(encodeURIComponent).join(',');
        answers.push(...await allPages(new URL(`/v2/oudata/kpi/${encodeURIComponent(kpi)}/ou/${ids}/year/${year}`, base)));
      }
      return answers;
    },
  };
}
