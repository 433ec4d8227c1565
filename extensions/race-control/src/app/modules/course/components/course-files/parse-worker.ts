// The course-file parser's Web Worker: reads the picked file and turns it into the course, off the
// page's main thread (a 10 MB GPX takes a second here, and the page must stay responsive). Messages
// out: { type: 'progress', fraction, step } then { type: 'done', course, preview } or { type: 'refused', message }.
import { CourseFileRefusal, courseCheckNotes, decodeCourseBytes, readCourseFile } from '../../../../../domain/course-files/index';
import { previewGeoJson } from '../../../../../domain/course-files/preview';
import { toWire, type ParseRequest, type ParseReply } from './parse-messages';

const post = (reply: ParseReply, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: ParseReply, t: Transferable[]): void }).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { file, toleranceMeters } = event.data;
  try {
    post({ type: 'progress', fraction: 0, step: 'Reading the file' });
    // Not file.text(): that is UTF-8 only, and some Windows tools write UTF-16 with a BOM.
    const text = decodeCourseBytes(new Uint8Array(await file.arrayBuffer()));
    const course = readCourseFile(text, {
      fileName: file.name, bytes: file.size, ...(toleranceMeters === null ? {} : { toleranceMeters }),
      onProgress: (fraction, step) => post({ type: 'progress', fraction, step }),
    });
    post({ type: 'progress', fraction: 0.9, step: 'Running the course checks' });
    const checked = { ...course, notes: [...course.notes, ...courseCheckNotes(course)] };
    const preview = previewGeoJson(checked);
    const wire = toWire(checked);
    post({ type: 'done', course: wire.course, preview }, wire.transfer);
  } catch (error) {
    post({ type: 'refused', message: error instanceof CourseFileRefusal ? error.message : `"${file.name}" could not be read: ${(error as Error).message}` });
  }
};
