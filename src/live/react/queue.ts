/*
 * The Needs-you queue's hooks: a door of its own, so that they load with the queue's chunk and not with the
 * first screen.
 */
export { useHeldAcrossProjects, type HeldAcrossProjects, type HeldProjectSession } from './useHeldAcrossProjects';
