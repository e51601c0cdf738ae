// The device's position, asked for only after the resident chose to share it.

export type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export interface Position {
  lat: number;
  lng: number;
}

/** Five decimals: about a metre, enough to find a pothole, no more precise than that. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** Resolves with the position or rejects with a GeoProblem. */
export function currentPosition(timeoutMs = 20_000): Promise<Position> {
  return new Promise((resolve, reject: (problem: GeoProblem) => void) => {
    if (!('geolocation' in navigator)) return reject('unsupported');
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: round(p.coords.latitude), lng: round(p.coords.longitude) }),
      (e) => reject(e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable'),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
