/** Time as the domains see it; tests inject a fixed or moving clock (e.g. across New Year). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
