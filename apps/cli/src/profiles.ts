// Profiles in the user's config dir (profiles.json, 0600 in a 0700 directory): a server URL and
// either a personal API token or a session's refresh token. Never a password.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const ProfileCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api-token'), token: z.string().min(1) }),
  z.object({
    kind: z.literal('session'),
    /** The refresh cookie's value: rotated on every refresh, so rewritten each time. */
    refreshToken: z.string().min(1),
    accessToken: z.string().optional(),
    /** ms since epoch when the access token expires. */
    accessExpiresAt: z.number().optional(),
  }),
]);
export type ProfileCredential = z.infer<typeof ProfileCredential>;

export const Profile = z.object({
  url: z.string().url(),
  email: z.string().optional(),
  credential: ProfileCredential.optional(),
});
export type Profile = z.infer<typeof Profile>;

const ProfilesFile = z.object({
  version: z.literal(1),
  profiles: z.record(z.string(), Profile),
});
type ProfilesFile = z.infer<typeof ProfilesFile>;

export const DEFAULT_PROFILE = 'default';

export class ProfileStore {
  constructor(readonly configDir: string) {}

  get file(): string {
    return path.join(this.configDir, 'profiles.json');
  }

  async get(name: string): Promise<Profile | undefined> {
    return (await this.read()).profiles[name];
  }

  async list(): Promise<Record<string, Profile>> {
    return (await this.read()).profiles;
  }

  async put(name: string, profile: Profile): Promise<void> {
    const state = await this.read();
    state.profiles[name] = Profile.parse(profile);
    await this.write(state);
  }

  async remove(name: string): Promise<boolean> {
    const state = await this.read();
    if (!(name in state.profiles)) return false;
    delete state.profiles[name];
    await this.write(state);
    return true;
  }

  private async read(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, profiles: {} };
      throw error;
    }
    const parsed = ProfilesFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${this.file} is not a profiles file this CLI can read`);
    return parsed.data;
  }

  private async write(state: ProfilesFile): Promise<void> {
    await mkdir(this.configDir, { recursive: true, mode: 0o700 });
    // Written beside and renamed: a crash never leaves half a file; 0600 from the first byte.
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, this.file);
  }
}
