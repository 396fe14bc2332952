// What `npm run dist` will sign with, read only from the environment (never from files in the repo).
// electron-builder itself reads the same variables; this only tells the person building.

/**
 * One line saying the build is unsigned or not notarised, or null when it is fully signed.
 * @param {NodeJS.Platform} platform
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function signingNotice(platform, env) {
  const has = (...names) => names.every((name) => Boolean(env[name]));
  if (platform === 'win32') {
    if (has('WIN_CSC_LINK') || has('CSC_LINK')) return null;
    return 'dist: UNSIGNED Windows build (SmartScreen will warn): set CSC_LINK and CSC_KEY_PASSWORD (or WIN_CSC_LINK/WIN_CSC_KEY_PASSWORD) to sign.';
  }
  if (platform === 'darwin') {
    if (!has('CSC_LINK') && !has('CSC_NAME'))
      return 'dist: UNSIGNED macOS build (Gatekeeper will block it): set CSC_LINK and CSC_KEY_PASSWORD (a Developer ID Application .p12) to sign.';
    const notarise =
      has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      has('APPLE_KEYCHAIN_PROFILE');
    return notarise
      ? null
      : 'dist: signed but NOT notarised: set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID (or APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER).';
  }
  return 'dist: Linux packages are unsigned (as AppImage, deb and rpm are by default); sign the repository that serves them (docs/IT.md).';
}
