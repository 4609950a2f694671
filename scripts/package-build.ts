/**
 * Builds the Teams app package of one environment: renders manifest/manifest.json with the
 * environment's values, validates it and its localization files against the bundled schemas, and
 * zips exactly the manifest, the two icons and the localization files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { EnvironmentValues } from './package-env';
import { renderPlaceholders } from './package-render';
import { validateLocalization, validateManifest } from './package-validate';

/** Thrown when the rendered manifest or a localization file breaks its schema. */
export class InvalidAppPackageError extends Error {
  constructor(readonly file: string, readonly errors: readonly string[]) {
    super(`${file} is not valid:\n  ${errors.join('\n  ')}`);
    this.name = 'InvalidAppPackageError';
  }
}

export interface BuildAppPackageOptions {
  /** repository root (holds manifest/ and build/) */
  root: string;
  /** environment name, used in the zip's file name */
  env: string;
  values: EnvironmentValues;
  /** default `<root>/build/appPackage` */
  outputDir?: string;
}

export interface BuiltAppPackage {
  zipPath: string;
  /** the rendered manifest */
  manifest: Record<string, unknown>;
  /** the names inside the zip */
  files: string[];
}

interface ManifestFileReferences {
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  localizationInfo?: { defaultLanguageFile?: unknown; additionalLanguages?: { file?: unknown }[] };
}

function referencedFiles(manifest: ManifestFileReferences): { icons: string[]; localizations: string[] } {
  const icons = [manifest.icons?.color, manifest.icons?.outline].filter((f): f is string => typeof f === 'string');
  const info = manifest.localizationInfo;
  const localizations = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)]
    .filter((f): f is string => typeof f === 'string');
  return { icons, localizations };
}

// A fixed timestamp keeps the zip identical for identical inputs.
const zipDate = new Date('2020-01-01T00:00:00Z');

/** Renders, validates and zips; throws MissingPlaceholdersError or InvalidAppPackageError. */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const manifestDir = join(options.root, 'manifest');
  const outputDir = options.outputDir ?? join(options.root, 'build', 'appPackage');
  const render = (file: string): string =>
    renderPlaceholders(readFileSync(join(manifestDir, file), 'utf8'), options.values, { escape: 'json', where: `manifest/${file}` });

  const manifestText = render('manifest.json');
  const manifest = JSON.parse(manifestText) as Record<string, unknown> & ManifestFileReferences;
  const manifestErrors = await validateManifest(manifest);
  if (manifestErrors.length > 0) throw new InvalidAppPackageError('manifest.json', manifestErrors);

  const { icons, localizations } = referencedFiles(manifest);
  const zip = new JSZip();
  zip.file('manifest.json', manifestText, { date: zipDate });
  for (const icon of icons) zip.file(icon, readFileSync(join(manifestDir, icon)), { date: zipDate });
  for (const file of localizations) {
    const text = render(file);
    const errors = await validateLocalization(JSON.parse(text) as object, String(manifest.manifestVersion));
    if (errors.length > 0) throw new InvalidAppPackageError(file, errors);
    zip.file(file, text, { date: zipDate });
  }

  mkdirSync(outputDir, { recursive: true });
  const zipPath = join(outputDir, `appPackage.${options.env}.zip`);
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { zipPath, manifest, files: ['manifest.json', ...icons, ...localizations] };
}
