export async function main(argv: readonly string[]): Promise<number> {
  console.log('args', argv.slice(2));
  return 0;
}
