import type { IndicatorStatus } from './indicator-rules';

/** The badge of each status: met green, at risk red, on track plain. */
export const INDICATOR_TONES: Record<IndicatorStatus, string> = { met: 'badge-ok', on_track: '', at_risk: 'badge-danger' };
