export * from './actionProgress';
export * from './progressAccess';
export * from './feedback';
export * from './endStates';
