import { fileURLToPath } from 'node:url'

/**
 * A path inside the package, whatever the working directory: `src/` (run through tsx) and `dist/`
 * (the build, and what an installed package runs) both sit one level below the package root.
 */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url))
}
