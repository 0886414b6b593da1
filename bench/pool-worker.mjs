// Entry of a bench worker thread: register tsx's TypeScript loader in this thread, then load the task.
import { register } from "tsx/esm/api";
register();
await import("./pool-task.ts");
