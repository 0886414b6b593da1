declare module "seedrandom/lib/alea" {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
  }
  const alea: (seed?: string) => AleaPrng;
  export default alea;
}
