// Files on the embedded Bot API: what the bot uploads and what personas send, each with a
// file_id, a file_unique_id (the same for the same bytes) and a file_path for downloads.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import { badRequest } from "./replies.js";

/** Bot API: bots download files up to 20 MB (getFile answers "file is too big" above it). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export const FILE_KINDS = [
  "photo",
  "document",
  "voice",
  "video",
  "audio",
  "animation",
  "sticker",
  "video_note",
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  kind: FileKind;
  /** Bytes. */
  size: number;
  fileName?: string;
  mimeType?: string;
  /** Pixels, for photos. */
  width?: number;
  height?: number;
  /** Seconds, for voice notes, audio and video (as the sender's app measured it). */
  duration?: number;
}

export interface NewFile {
  content: Buffer;
  kind: FileKind;
  fileName?: string;
  mimeType?: string;
  /** Seconds of a voice note, audio or video, when the sender knows it. */
  duration?: number;
  /** A file_id to use instead of a new one (tests that plant a file). */
  fileId?: string;
  /** A file_path to use instead of a new one. */
  filePath?: string;
}

/** Kinds whose Bot API object has a required `duration` (Voice, Audio, Video, VideoNote, Animation). */
const TIMED_KINDS = new Set<FileKind>(["voice", "audio", "video", "video_note", "animation"]);

const FOLDER: Record<FileKind, string> = {
  photo: "photos",
  document: "documents",
  voice: "voice",
  video: "videos",
  audio: "music",
  animation: "animations",
  sticker: "stickers",
  video_note: "video_notes",
};

/** Width and height of an image, or undefined when `content` is not one (JPEG, PNG, GIF, WebP, …). */
export function imageDimensions(content: Buffer): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(content);
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

export interface FileStoreSnapshot {
  counter: number;
  files: StoredFile[];
}

/**
 * Keeps file contents in memory, or in `directory` (one file per file_unique_id) when given,
 * so that a restarted sandbox can still serve what was sent before.
 */
export class FileStore {
  private byId = new Map<string, StoredFile>();
  private byPath = new Map<string, StoredFile>();
  private contents = new Map<string, Buffer>();
  private counter = 0;

  constructor(private readonly directory?: string) {
    if (directory) mkdirSync(directory, { recursive: true });
  }

  /**
   * Stores a file. A photo must be an image: throws BotApiError 400 "IMAGE_PROCESS_FAILED"
   * (Telegram's answer) when its bytes are not one.
   */
  add(file: NewFile): StoredFile {
    const size = file.content.length;
    let dimensions: { width: number; height: number } | undefined;
    if (file.kind === "photo") {
      dimensions = imageDimensions(file.content);
      if (!dimensions) throw badRequest("IMAGE_PROCESS_FAILED");
    }
    const n = this.counter++;
    const fileUniqueId = createHash("sha256").update(file.content).digest("base64url").slice(0, 16);
    const extension =
      /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName ?? "")?.[1] ?? (file.kind === "photo" ? "jpg" : "dat");
    const stored: StoredFile = {
      fileId: file.fileId ?? `${file.kind}-${n}-${fileUniqueId.slice(0, 8)}`,
      fileUniqueId,
      filePath: file.filePath ?? `${FOLDER[file.kind]}/file_${n}.${extension}`,
      kind: file.kind,
      size,
      ...(file.fileName ? { fileName: file.fileName } : {}),
      ...(file.mimeType ? { mimeType: file.mimeType } : {}),
      ...(TIMED_KINDS.has(file.kind) ? { duration: Math.max(0, Math.round(file.duration ?? 0)) } : {}),
      ...dimensions,
    };
    if (this.directory) writeFileSync(join(this.directory, fileUniqueId), file.content);
    else this.contents.set(fileUniqueId, file.content);
    this.byId.set(stored.fileId, stored);
    this.byPath.set(stored.filePath, stored);
    return stored;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  /** The bytes of a stored file; undefined when they are gone (a deleted directory). */
  read(file: StoredFile): Buffer | undefined {
    if (!this.directory) return this.contents.get(file.fileUniqueId);
    const path = join(this.directory, file.fileUniqueId);
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  clear(): void {
    this.byId.clear();
    this.byPath.clear();
    this.contents.clear();
    this.counter = 0;
  }

  snapshot(): FileStoreSnapshot {
    return { counter: this.counter, files: [...this.byId.values()] };
  }

  restore(snapshot: FileStoreSnapshot): void {
    this.clear();
    this.counter = snapshot.counter;
    for (const file of snapshot.files) {
      this.byId.set(file.fileId, file);
      this.byPath.set(file.filePath, file);
    }
  }
}

/** A file as a Bot API object (Document, Voice, …; PhotoSize for photos). */
export function fileObject(file: StoredFile): Record<string, unknown> {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.size,
    ...(file.kind === "photo" ? { width: file.width, height: file.height } : {}),
    ...(TIMED_KINDS.has(file.kind) ? { duration: file.duration ?? 0 } : {}),
    ...(file.fileName && file.kind !== "photo" ? { file_name: file.fileName } : {}),
    ...(file.mimeType && file.kind !== "photo" ? { mime_type: file.mimeType } : {}),
  };
}
