// Parses a course file in a Web Worker, reporting progress; one worker per file, ended when it
// answers. The worker's script (about 100 KB gzip, mostly turf) is served by our endpoint and
// fetched on the first import, so the app bundle every user downloads does not carry it; it runs
// from a blob: URL, which the admin app's CSP allows for workers (as MapLibre's own).
import { publicRoot } from '../../../../map/library';
import type { CourseFile } from '../../../../../domain/course-files/types';
import { fromWire, type ParseReply, type ParseRequest } from './parse-messages';

export const WORKER_PATH = '/race-control/assets/course-files-worker.js';

let url: Promise<string> | null = null;

function workerUrl(): Promise<string> {
  url ??= fetch(`${publicRoot()}${WORKER_PATH}`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
    })
    .catch((error: unknown) => {
      url = null; // a later import may try again (the server was restarting, say)
      throw new Error(`The file reader did not load (${(error as Error)?.message ?? error}); reload the page`);
    });
  return url;
}

export interface Parsed { course: CourseFile; preview: unknown }

export async function parseInWorker(request: ParseRequest, onProgress: (fraction: number, step: string) => void): Promise<Parsed> {
  const worker = new Worker(await workerUrl());
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.fraction, reply.step);
      worker.terminate();
      if (reply.type === 'done') resolve({ course: fromWire(reply.course), preview: reply.preview });
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The file reader stopped: ${event.message || 'the browser refused to start it'}.`));
    };
    worker.postMessage(request);
  });
}
