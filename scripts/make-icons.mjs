// Renders build/icon.svg into the icons electron-builder packs: icon.png (macOS/Linux source and
// the window icon), icon.ico (Windows, with PNG frames), icon.icns (macOS) and build/icons/NxN.png
// (Linux desktop entries). Run `node scripts/make-icons.mjs` after changing the SVG; the outputs
// are committed (small) so packaging never needs these tools.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const build = resolve(import.meta.dirname, '../build');
const svg = readFileSync(join(build, 'icon.svg'));
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

const master = render(1024);
writeFileSync(join(build, 'icon.png'), render(512));
writeFileSync(join(build, 'icon.icns'), png2icons.createICNS(master, png2icons.BICUBIC, 0));
writeFileSync(join(build, 'icon.ico'), png2icons.createICO(master, png2icons.BICUBIC, 0, true, true));
mkdirSync(join(build, 'icons'), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512])
  writeFileSync(join(build, 'icons', `${size}x${size}.png`), render(size));
console.log('make-icons: wrote build/icon.{png,ico,icns} and build/icons/');
