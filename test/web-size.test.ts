import { describe, expect, it } from 'vitest'
import { initialScripts } from '../scripts/web-size.js'

describe('initialScripts', () => {
  it('lists the module entry and the chunks it preloads, once each', () => {
    const html = [
      '<script type="module" crossorigin src="/assets/index-abc.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/react-def.js">',
      '<link rel="modulepreload" crossorigin href="/assets/react-def.js">',
      '<link rel="stylesheet" crossorigin href="/assets/index-ghi.css">',
    ].join('\n')
    expect(initialScripts(html)).toEqual(['/assets/index-abc.js', '/assets/react-def.js'])
  })

  it('ignores lazily loaded chunks that index.html does not name', () => {
    expect(initialScripts('<script type="module" src="/assets/a.js"></script>')).toEqual([
      '/assets/a.js',
    ])
  })
})
