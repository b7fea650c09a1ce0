// @ts-nocheck
// Vendored from meridianlabs-ai/ts-mono (Inspect's log viewer), commit 4df0a64c, MIT licence: see README.md here.
import { fetchRange } from "./util.ts";

import type { ProgressCallback } from "../api/types";

import { decompressData } from "./decompression.ts";

export type { ProgressCallback };

export interface ZipFileEntry {
  versionNeeded: number;
  bitFlag: number;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  filenameLength: number;
  extraFieldLength: number;
  data: Uint8Array;
}

export interface CentralDirectoryEntry {
  filename: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  fileOffset: number;
  filenameLength: number;
}

/**
 * Represents an error thrown when a file exceeds the maximum allowed size.
 */
export class FileSizeLimitError extends Error {
  public readonly file: string;
  public readonly maxBytes: number;

  constructor(file: string, maxBytes: number) {
    super(
      `File "${file}" exceeds the maximum size (${maxBytes} bytes) and cannot be loaded.`
    );
    this.name = "FileSizeLimitError";
    this.file = file;
    this.maxBytes = maxBytes;

    Object.setPrototypeOf(this, FileSizeLimitError.prototype);
  }
}

const PARALLEL_CHUNK_THRESHOLD = 8 * 1024 * 1024; // 8MB
const PARALLEL_CHUNK_SIZE = 8 * 1024 * 1024; // 8MB per chunk
const MAX_PARALLEL_CHUNKS = 10;

const fetchBytesParallel = async (
  fetchFn: (url: string, start: number, end: number) => Promise<Uint8Array>,
  url: string,
  start: number,
  end: number,
  onProgress?: ProgressCallback
): Promise<Uint8Array> => {
  const totalSize = end - start + 1;

  if (totalSize <= PARALLEL_CHUNK_THRESHOLD) {
    return fetchFn(url, start, end);
  }

  // Split into chunks
  const chunks: { start: number; end: number; index: number }[] = [];
  let offset = start;
  while (offset <= end) {
    const chunkEnd = Math.min(offset + PARALLEL_CHUNK_SIZE - 1, end);
    chunks.push({ start: offset, end: chunkEnd, index: chunks.length });
    offset = chunkEnd + 1;
  }

  // Cap concurrency
  const concurrency = Math.min(chunks.length, MAX_PARALLEL_CHUNKS);

  // Fetch chunks with bounded concurrency
  const results = new Array<Uint8Array>(chunks.length);
  let nextChunk = 0;
  let bytesLoaded = 0;

  if (onProgress) {
    onProgress(0, totalSize);
  }

  const worker = async () => {
    while (nextChunk < chunks.length) {
      const idx = nextChunk++;
      const chunk = chunks[idx];
      // @ts-expect-error pre-existing noUncheckedIndexedAccess violation (TODO: narrow when touched)
      results[idx] = await fetchFn(url, chunk.start, chunk.end);
      if (onProgress) {
        bytesLoaded += results[idx].length;
        onProgress(bytesLoaded, totalSize);
      }
    }
  };

  await Promise.all(Array.from({ length: concurrency }, () => worker()));

  // Concatenate
  const combined = new Uint8Array(totalSize);
  let pos = 0;
  for (const chunk of results) {
    combined.set(chunk, pos);
    pos += chunk.length;
  }
  return combined;
};

/**
 * Opens a remote ZIP file from the specified URL, fetches and parses the central directory,
 * and provides a method to read files within the ZIP.
 */
export const openRemoteZipFile = async (
  url: string,
  contentLength?: number,
  fetchBytes: (
    url: string,
    start: number,
    end: number
  ) => Promise<Uint8Array> = fetchRange
): Promise<{
  centralDirectory: Map<string, CentralDirectoryEntry>;
  readFile: (
    file: string,
    maxBytes?: number,
    onProgress?: ProgressCallback
  ) => Promise<Uint8Array>;
}> => {
  contentLength = contentLength ?? (await fetchSize(url));

  // Read the end of central directory record
  const eocdrBuffer = await fetchBytes(
    url,
    contentLength - 22,
    contentLength - 1
  );
  const eocdrView = new DataView(eocdrBuffer.buffer);

  // Check signature to make sure we found the EOCD record
  if (eocdrView.getUint32(0, true) !== 0x06054b50) {
    if (eocdrBuffer.length !== 22) {
      // The range request seems like it was ignored because more bytes than
      // were requested were returned.
      throw new Error(
        "Unexpected central directory size - does the HTTP server serving this file support HTTP range requests?"
      );
    } else {
      throw new Error("End of central directory record not found");
    }
  }

  let centralDirOffset = eocdrView.getUint32(16, true);
  let centralDirSize = eocdrView.getUint32(12, true);

  // Check if we need to use ZIP64 format
  const needsZip64 =
    centralDirOffset === 0xffffffff || centralDirSize === 0xffffffff;

  if (needsZip64) {
    // We need to locate and read the ZIP64 EOCD record and locator
    // First, read the ZIP64 EOCD locator which is just before the standard EOCD
    // Standard EOCD (22 bytes) + Locator (20 bytes)
    const locatorBuffer = await fetchBytes(
      url,
      contentLength - 22 - 20,
      contentLength - 23
    );
    const locatorView = new DataView(locatorBuffer.buffer);

    // Verify the ZIP64 EOCD locator signature
    if (locatorView.getUint32(0, true) !== 0x07064b50) {
      throw new Error("ZIP64 End of central directory locator not found");
    }

    // Get the offset to the ZIP64 EOCD record
    const zip64EOCDOffset = Number(locatorView.getBigUint64(8, true));

    // Now read the ZIP64 EOCD record
    const zip64EOCDBuffer = await fetchBytes(
      url,
      zip64EOCDOffset,
      zip64EOCDOffset + 56
    );
    const zip64EOCDView = new DataView(zip64EOCDBuffer.buffer);

    // Verify the ZIP64 EOCD signature
    if (zip64EOCDView.getUint32(0, true) !== 0x06064b50) {
      throw new Error("ZIP64 End of central directory record not found");
    }

    // Get the 64-bit central directory size and offset
    centralDirSize = Number(zip64EOCDView.getBigUint64(40, true));
    centralDirOffset = Number(zip64EOCDView.getBigUint64(48, true));
  }

  // Fetch and parse the central directory
  const centralDirBuffer = await fetchBytesParallel(
    fetchBytes,
    url,
    centralDirOffset,
    centralDirOffset + centralDirSize - 1
  );
  const centralDirectory = parseCentralDirectory(centralDirBuffer);

  return {
    centralDirectory: centralDirectory,
    readFile: async (file, maxBytes, onProgress?): Promise<Uint8Array> => {
      const entry = centralDirectory.get(file);
      if (!entry) {
        throw new Error(`File not found: ${file}`);
      }

      const headerSize = 30;
      // 256 bytes covers ZIP64 extended info (28 bytes), timestamps, and
      // other common extra field extensions.
      const extraFieldPadding = 256;
      const estimatedSize =
        headerSize +
        entry.filenameLength +
        extraFieldPadding +
        entry.compressedSize;

      // Check maxBytes against the compressedSize lower bound before fetching
      if (
        maxBytes &&
        headerSize + entry.filenameLength + entry.compressedSize > maxBytes
      ) {
        throw new FileSizeLimitError(file, maxBytes);
      }

      // Single fetch with estimated size
      let fileData = await fetchBytesParallel(
        fetchBytes,
        url,
        entry.fileOffset,
        entry.fileOffset + estimatedSize - 1,
        onProgress
      );

      // Parse actual extraFieldLength from the fetched header
      if (fileData.length < headerSize) {
        throw new Error(`File entry header is truncated for ${file}`);
      }
      // @ts-expect-error pre-existing noUncheckedIndexedAccess violation (TODO: narrow when touched)
      const actualExtraFieldLength = fileData[28] + (fileData[29] << 8);
      const actualTotal =
        headerSize +
        entry.filenameLength +
        actualExtraFieldLength +
        entry.compressedSize;

      // Exact maxBytes check with real extra field length
      if (maxBytes && actualTotal > maxBytes) {
        throw new FileSizeLimitError(file, maxBytes);
      }

      // Re-fetch only if actual size exceeds our estimate (rare).
      // Pass undefined for onProgress to avoid double-counting.
      if (actualTotal > estimatedSize) {
        fileData = await fetchBytesParallel(
          fetchBytes,
          url,
          entry.fileOffset,
          entry.fileOffset + actualTotal - 1
        );
      }

      // Parse and decompress the entry
      const zipFileEntry = await parseZipFileEntry(file, fileData);
      return decompressData(
        zipFileEntry.data,
        zipFileEntry.compressionMethod,
        zipFileEntry.uncompressedSize,
        file
      );
    },
  };
};

/**
 * Opens an in-memory ZIP buffer and provides a method to read files within it.
 */
export const openZipFileFromBuffer = (
  bytes: Uint8Array
): Promise<{
  centralDirectory: Map<string, CentralDirectoryEntry>;
  readFile: (file: string, maxBytes?: number) => Promise<Uint8Array>;
}> => {
  const contentLength = bytes.length;
  if (contentLength < 22) {
    throw new Error("Buffer too small to be a ZIP file");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // Assumes no ZIP comment (true for segments written by SampleBufferFilestore).
  const eocdrStart = contentLength - 22;
  if (view.getUint32(eocdrStart, true) !== 0x06054b50) {
    throw new Error("End of central directory record not found");
  }

  let centralDirOffset = view.getUint32(eocdrStart + 16, true);
  let centralDirSize = view.getUint32(eocdrStart + 12, true);

  if (centralDirOffset === 0xffffffff || centralDirSize === 0xffffffff) {
    const locatorStart = eocdrStart - 20;
    if (view.getUint32(locatorStart, true) !== 0x07064b50) {
      throw new Error("ZIP64 End of central directory locator not found");
    }
    const zip64EOCDOffset = Number(view.getBigUint64(locatorStart + 8, true));
    if (view.getUint32(zip64EOCDOffset, true) !== 0x06064b50) {
      throw new Error("ZIP64 End of central directory record not found");
    }
    centralDirSize = Number(view.getBigUint64(zip64EOCDOffset + 40, true));
    centralDirOffset = Number(view.getBigUint64(zip64EOCDOffset + 48, true));
  }

  // slice() rather than subarray() because parseCentralDirectory and
  // parseZipFileEntry build a DataView from `buffer` without a byteOffset.
  const centralDirectory = parseCentralDirectory(
    bytes.slice(centralDirOffset, centralDirOffset + centralDirSize)
  );

  return Promise.resolve({
    centralDirectory,
    readFile: async (file: string, maxBytes?: number): Promise<Uint8Array> => {
      const entry = centralDirectory.get(file);
      if (!entry) {
        throw new Error(`File not found: ${file}`);
      }
      const headerSize = 30;
      if (entry.fileOffset + headerSize > bytes.length) {
        throw new Error(`File entry header is truncated for ${file}`);
      }
      const extraFieldLength =
        // @ts-expect-error pre-existing noUncheckedIndexedAccess violation (TODO: narrow when touched)
        bytes[entry.fileOffset + 28] + (bytes[entry.fileOffset + 29] << 8);
      const totalSize =
        headerSize +
        entry.filenameLength +
        extraFieldLength +
        entry.compressedSize;
      if (maxBytes && totalSize > maxBytes) {
        throw new FileSizeLimitError(file, maxBytes);
      }
      const zipFileEntry = await parseZipFileEntry(
        file,
        bytes.slice(entry.fileOffset, entry.fileOffset + totalSize)
      );
      return decompressData(
        zipFileEntry.data,
        zipFileEntry.compressionMethod,
        zipFileEntry.uncompressedSize,
        file
      );
    },
  });
};

export const fetchSize = async (url: string): Promise<number> => {
  // Make a HEAD request to find whether the server supports range requests
  const acceptResponse = await fetch(url, { method: "HEAD" });
  const acceptsRanges = acceptResponse.headers.get("Accept-Ranges");
  if (acceptsRanges === "bytes") {
    // attempt a range request to get the content length
    // Range requests are preferred since they bypass compression.
    // HEAD requests may return compressed content-length which doesn't
    // match the actual file size needed for downstream operations.
    const getResponse = await fetch(`${url}`, {
      method: "GET",
      headers: { Range: "bytes=0-0" },
    });

    const contentRange = getResponse.headers.get("Content-Range");
    if (contentRange !== null) {
      const rangeMatch = contentRange.match(/bytes (\d+)-(\d+)\/(\d+)/);
      if (rangeMatch !== null) {
        await getResponse.arrayBuffer();
        return Number(rangeMatch[3]);
      }
    }
    // Consume the response body (even if unused) to avoid resource leaks
    await getResponse.arrayBuffer();
  }

  //  use the HEAD request to get Content-Length
  const contentLength = acceptResponse.headers.get("Content-Length");
  if (contentLength !== null) {
    return Number(contentLength);
  }

  throw new Error(`Could not determine content length for ${url}`);
};

export { fetchRange };

/**
 * Extracts and parses the header and data of a compressed ZIP entry from raw binary data.
 */
const parseZipFileEntry = (
  file: string,
  rawData: Uint8Array
): Promise<ZipFileEntry> => {
  // Parse ZIP entry header
  const view = new DataView(rawData.buffer);
  let offset = 0;
  const signature = view.getUint32(offset, true);
  if (signature !== 0x04034b50) {
    throw new Error(`Invalid ZIP entry signature for ${file}`);
  }
  offset += 4;

  const versionNeeded = view.getUint16(offset, true);
  offset += 2;
  const bitFlag = view.getUint16(offset, true);
  offset += 2;
  const compressionMethod = view.getUint16(offset, true);
  offset += 2;
  offset += 4; // Skip last mod time and date
  const crc32 = view.getUint32(offset, true);
  offset += 4;

  // Get initial sizes from standard header
  let compressedSize = view.getUint32(offset, true);
  offset += 4;
  let uncompressedSize = view.getUint32(offset, true);
  offset += 4;

  const filenameLength = view.getUint16(offset, true);
  offset += 2;
  const extraFieldLength = view.getUint16(offset, true);
  offset += 2;

  // The original header offset
  const headerOffset = offset;

  // Check if we need to look for ZIP64 extra fields
  const needsZip64 =
    compressedSize === 0xffffffff || uncompressedSize === 0xffffffff;

  if (needsZip64) {
    // Skip the filename
    offset += filenameLength;

    // Look through extra fields for ZIP64 data
    const extraFieldEnd = offset + extraFieldLength;
    while (offset < extraFieldEnd) {
      const tag = view.getUint16(offset, true);
      const size = view.getUint16(offset + 2, true);

      if (tag === 0x0001) {
        // ZIP64 Extra Field
        // Position in the extra field data
        let zip64Offset = offset + 4;

        // Read values in the order they appear in the ZIP64 extra field
        if (
          uncompressedSize === 0xffffffff &&
          zip64Offset + 8 <= extraFieldEnd
        ) {
          uncompressedSize = Number(view.getBigUint64(zip64Offset, true));
          zip64Offset += 8;
        }

        if (compressedSize === 0xffffffff && zip64Offset + 8 <= extraFieldEnd) {
          compressedSize = Number(view.getBigUint64(zip64Offset, true));
        }

        break;
      }
      offset += 4 + size;
    }

    // Reset offset
    offset = headerOffset;
  }

  // Skip filename and extra field to get to the data
  offset += filenameLength + extraFieldLength;

  const data = rawData.subarray(offset, offset + compressedSize);
  return Promise.resolve({
    versionNeeded,
    bitFlag,
    compressionMethod,
    crc32,
    compressedSize,
    uncompressedSize,
    filenameLength,
    extraFieldLength,
    data,
  });
};

const kFileHeaderSize = 46;
/**
 * Parses the central directory of a ZIP file from the provided buffer and returns a map of entries.
 */
const parseCentralDirectory = (
  buffer: Uint8Array
): Map<string, CentralDirectoryEntry> => {
  let offset = 0;
  const view = new DataView(buffer.buffer);
  const entries = new Map<string, CentralDirectoryEntry>();

  while (offset < buffer.length) {
    // Central Directory signature
    if (view.getUint32(offset, true) !== 0x02014b50) break;

    const filenameLength = view.getUint16(offset + 28, true);
    const extraFieldLength = view.getUint16(offset + 30, true);
    const fileCommentLength = view.getUint16(offset + 32, true);

    // Get initial 32-bit values
    let compressedSize = view.getUint32(offset + 20, true);
    let uncompressedSize = view.getUint32(offset + 24, true);
    let fileOffset = view.getUint32(offset + 42, true);

    const filename = new TextDecoder().decode(
      buffer.subarray(
        offset + kFileHeaderSize,
        offset + kFileHeaderSize + filenameLength
      )
    );

    // Check if we need to use ZIP64 extra fields
    const needsZip64 =
      fileOffset === 0xffffffff ||
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff;

    if (needsZip64) {
      // Move to extra field
      let extraOffset = offset + kFileHeaderSize + filenameLength;
      const extraEnd = extraOffset + extraFieldLength;

      // Look through extra fields until we find zip64 extra field
      while (extraOffset < extraEnd) {
        const tag = view.getUint16(extraOffset, true);
        const size = view.getUint16(extraOffset + 2, true);

        if (tag === 0x0001) {
          // ZIP64 Extra Field
          // Position in the extra field data
          let zip64Offset = extraOffset + 4;

          // Read values in the order they appear in the ZIP64 extra field
          if (uncompressedSize === 0xffffffff && zip64Offset + 8 <= extraEnd) {
            uncompressedSize = Number(view.getBigUint64(zip64Offset, true));
            zip64Offset += 8;
          }

          if (compressedSize === 0xffffffff && zip64Offset + 8 <= extraEnd) {
            compressedSize = Number(view.getBigUint64(zip64Offset, true));
            zip64Offset += 8;
          }

          if (fileOffset === 0xffffffff && zip64Offset + 8 <= extraEnd) {
            fileOffset = Number(view.getBigUint64(zip64Offset, true));
          }

          break;
        }
        extraOffset += 4 + size;
      }
    }

    const entry = {
      filename,
      compressionMethod: view.getUint16(offset + 10, true),
      compressedSize,
      uncompressedSize,
      fileOffset,
      filenameLength,
    };

    entries.set(filename, entry);
    offset +=
      kFileHeaderSize + filenameLength + extraFieldLength + fileCommentLength;
  }

  return entries;
};
