// What kind of file a name is, from its extension: the list's icon and whether a thumbnail is
// drawn. Listings carry no content types (S3 lists names and sizes only), so the name decides.
export type FileKind =
  | 'image'
  | 'pdf'
  | 'audio'
  | 'video'
  | 'text'
  | 'code'
  | 'spreadsheet'
  | 'document'
  | 'presentation'
  | 'archive'
  | 'other';

const KINDS: Record<Exclude<FileKind, 'other'>, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'svg', 'tif', 'tiff', 'heic', 'ico'],
  pdf: ['pdf'],
  audio: ['mp3', 'wav', 'ogg', 'oga', 'm4a', 'flac', 'aac', 'opus'],
  video: ['mp4', 'webm', 'mov', 'mkv', 'avi', 'm4v', 'ogv'],
  text: ['txt', 'log', 'md', 'rtf', 'ini', 'cfg', 'conf', 'env'],
  code: ['json', 'xml', 'yaml', 'yml', 'html', 'htm', 'css', 'js', 'ts', 'tsx', 'py', 'sh', 'sql'],
  spreadsheet: ['csv', 'tsv', 'xls', 'xlsx', 'ods', 'numbers', 'parquet'],
  document: ['doc', 'docx', 'odt', 'pages', 'epub'],
  presentation: ['ppt', 'pptx', 'odp', 'key'],
  archive: ['zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar'],
};

const BY_EXTENSION = new Map<string, FileKind>(
  Object.entries(KINDS).flatMap(([kind, extensions]) =>
    extensions.map((extension) => [extension, kind as FileKind] as const),
  ),
);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function fileKindOf(name: string): FileKind {
  return BY_EXTENSION.get(extensionOf(name)) ?? 'other';
}

/** Raster images the browser decodes; the API signs thumbnail links for exactly these. */
const THUMBNAIL_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp']);

export function hasThumbnail(name: string): boolean {
  return THUMBNAIL_EXTENSIONS.has(extensionOf(name));
}

export function isJpeg(name: string): boolean {
  const extension = extensionOf(name);
  return extension === 'jpg' || extension === 'jpeg';
}
