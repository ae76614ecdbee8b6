// The list's icon for a file, by kind (see file-kind.ts); decorative, the name is beside it.
import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import AudioFileOutlined from '@mui/icons-material/AudioFileOutlined';
import CodeOutlined from '@mui/icons-material/CodeOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import SlideshowOutlined from '@mui/icons-material/SlideshowOutlined';
import TableChartOutlined from '@mui/icons-material/TableChartOutlined';
import TextSnippetOutlined from '@mui/icons-material/TextSnippetOutlined';
import VideoFileOutlined from '@mui/icons-material/VideoFileOutlined';
import type { SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';
import { fileKindOf, type FileKind } from './file-kind';

const ICONS: Record<FileKind, ComponentType<SvgIconProps>> = {
  image: ImageOutlined,
  pdf: PictureAsPdfOutlined,
  audio: AudioFileOutlined,
  video: VideoFileOutlined,
  text: TextSnippetOutlined,
  code: CodeOutlined,
  spreadsheet: TableChartOutlined,
  document: DescriptionOutlined,
  presentation: SlideshowOutlined,
  archive: ArchiveOutlined,
  other: InsertDriveFileOutlined,
};

/** Colours that stay readable on light and dark backgrounds (palette roles, not fixed hues). */
const COLORS: Partial<Record<FileKind, SvgIconProps['color']>> = {
  image: 'success',
  pdf: 'error',
  audio: 'secondary',
  video: 'secondary',
  spreadsheet: 'success',
  document: 'info',
  presentation: 'warning',
  archive: 'warning',
};

export function FileTypeIcon({
  name,
  fontSize = 'small',
}: {
  name: string;
  fontSize?: SvgIconProps['fontSize'];
}) {
  const kind = fileKindOf(name);
  const Icon = ICONS[kind];
  return <Icon fontSize={fontSize} color={COLORS[kind] ?? 'action'} data-kind={kind} aria-hidden />;
}
