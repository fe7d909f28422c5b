import type { Rng } from './rng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HEX = '0123456789abcdef';

/** Deterministic identifiers drawn from the world's generator. */
export class Ids {
  private counter = 0;

  constructor(private readonly rng: Rng) {}

  /** A ULID-like id: 10 characters of time, 16 of randomness (tasks, projects). */
  ulid(ms: number): string {
    let time = '';
    let t = Math.max(0, Math.floor(ms));
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
