/** opencc-js ships its dictionary tables as modules without types: each is one string of "from to" pairs joined by "|". */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
