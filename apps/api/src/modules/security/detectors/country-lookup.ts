// Country of an IP address from the offline database an npm package ships (CC0 data, no download
// at run time). Private and unknown addresses have no country.
import { createRequire } from 'node:module';
import path from 'node:path';
import maxmind from 'maxmind';

interface CountryRecord {
  country_code?: string;
}

export interface CountryLookup {
  country(ip: string): string | null;
}

const PACKAGE = '@ip-location-db/geo-whois-asn-country-mmdb';

let shared: Promise<CountryLookup> | null = null;

/** Opened once per process (~10 MB in memory); later calls share it. */
export function openCountryLookup(): Promise<CountryLookup> {
  shared ??= (async () => {
    const require = createRequire(import.meta.url);
    const directory = path.dirname(require.resolve(`${PACKAGE}/package.json`));
    const reader = await maxmind.open(path.join(directory, 'geo-whois-asn-country.mmdb'));
    return {
      country(ip) {
        try {
          // This database's records are `{ country_code }`, not MaxMind's own country shape.
          return (reader.get(ip) as CountryRecord | null)?.country_code ?? null;
        } catch {
          return null;
        }
      },
    };
  })();
  shared.catch(() => (shared = null));
  return shared;
}
