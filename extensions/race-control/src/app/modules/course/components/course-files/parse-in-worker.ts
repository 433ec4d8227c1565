// Parses a course file in a Web Worker started from the inlined script (a blob: URL), reporting
// progress; one worker per file, ended when it answers.
import source from 'virtual:course-files-worker';
import type { CourseFile } from '../../../../../domain/course-files/types';
import type { ParseReply, ParseRequest } from './parse-messages';

let url: string | null = null;

export function parseInWorker(request: ParseRequest, onProgress: (fraction: number, step: string) => void): Promise<CourseFile> {
  url ??= URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.fraction, reply.step);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.course);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The file reader stopped: ${event.message || 'the browser refused to start it'}.`));
    };
    worker.postMessage(request);
  });
}
