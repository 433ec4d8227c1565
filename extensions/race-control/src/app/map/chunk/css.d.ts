// The chunk build loads CSS as text (scripts/build-map-chunk.mjs, loader '.css': 'text').
declare module '*.css' {
  const text: string;
  export default text;
}
