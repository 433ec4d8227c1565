// Built by extension.config.js: the parser's worker as one script, inlined as a string.
declare module 'virtual:course-files-worker' {
  const source: string;
  export default source;
}
