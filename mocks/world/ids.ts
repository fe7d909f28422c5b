import type { Rng } from './rng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HEX = '0123456789abcdef';

/**
 * The instant a world's ULIDs count from, whatever time the world starts at (2026-11-21T12:00:00Z, the
 * simulator's default start, so default ids read as before).
 */
export const ID_EPOCH = 1_795_262_400_000;

/**
 * Deterministic identifiers drawn from the world's generator. They depend on the seed and the order of
 * creation only, never on when the world was started: a reload on the real-time clock starts the world
 * at another instant and must find the same project and chat under the same address.
 */
export class Ids {
  private counter = 0;

  /** `origin`: when this world started; ULID times are read relative to it. */
  constructor(
    private readonly rng: Rng,
    private readonly origin = ID_EPOCH,
  ) {}

  /** A ULID-like id: 10 characters of time (since the world's start), 16 of randomness (tasks, projects). */
  ulid(ms: number): string {
    let time = '';
    let t = Math.max(0, Math.floor(ID_EPOCH + ms - this.origin));
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD.charAt(t % 32) + time;
      t = Math.floor(t / 32);
    }
    let rand = '';
    for (let i = 0; i < 16; i++) rand += CROCKFORD.charAt(this.rng.int(0, 31));
    return time + rand;
  }

  /** A UUID v4-shaped id (sessions, messages, notifications). */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 32; i++) hex += HEX.charAt(this.rng.int(0, 15));
    const variant = HEX.charAt(8 + (parseInt(hex.charAt(16), 16) & 3));
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A short prefixed id (workspaces, markers, deliveries). */
  short(prefix: string): string {
    let s = '';
    for (let i = 0; i < 12; i++) s += CROCKFORD.charAt(this.rng.int(0, 31)).toLowerCase();
    return `${prefix}_${s}`;
  }

  /** A sequential id that does not consume randomness (request ids). */
  sequential(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${String(this.counter).padStart(6, '0')}`;
  }
}
