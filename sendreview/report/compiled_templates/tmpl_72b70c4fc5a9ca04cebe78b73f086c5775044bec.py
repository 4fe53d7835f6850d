from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'diff.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_m = missing
    try:
        t_1 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.md.j2', 'diff.md.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    def macro():
        t_2 = []
        pass
        t_2.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Earlier version', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'old')]))),
            '\n',
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Compared with', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'new')]))),
            '\n',
        ))
        return concat(t_2)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '25,75', id='versions', header=0, caller=caller)
    yield '\nHow to read this: words ~~struck through~~ were taken out, words in **bold** were put in.\nEntries are matched by their ids (R1, E1) or, for strengths and areas for development, by their words.\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'problems'):
        pass
        yield '# Errors in a version\n\nParts of one version could not be read; everything else is compared.\n\n'
        for l_1_problem in t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'problems')):
            _loop_vars = {}
            pass
            yield '- '
            yield escape(environment.finalize(l_1_problem))
            yield '\n'
        l_1_problem = missing
        yield '\n'
    if (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'not_compared') or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'partly')):
        pass
        for l_1_note in t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'partly')):
            _loop_vars = {}
            pass
            yield '- *Compared in part:* '
            yield escape(environment.finalize(l_1_note))
            yield '.\n'
        l_1_note = missing
        for l_1_note in t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'not_compared')):
            _loop_vars = {}
            pass
            yield '- *Not compared:* '
            yield escape(environment.finalize(l_1_note))
            yield '.\n'
        l_1_note = missing
        yield '\n'
    t_3 = 1
    for l_1_section in t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'sections')):
        _loop_vars = {}
        pass
        yield '# '
        yield escape(environment.finalize(environment.getattr(l_1_section, 'title')))
        yield '\n\n'
        for l_2_line in t_1(environment.getattr(l_1_section, 'lines')):
            _loop_vars = {}
            pass
            yield '- *'
            yield escape(environment.finalize(environment.getattr(l_2_line, 'label')))
            yield ':* '
            yield escape(environment.finalize(environment.getattr(l_2_line, 'text')))
            yield '\n'
            for l_3_detail in t_1(environment.getattr(l_2_line, 'details')):
                _loop_vars = {}
                pass
                yield '    - *'
                yield escape(environment.finalize(environment.getattr(l_3_detail, 'label')))
                yield ':* '
                yield escape(environment.finalize(environment.getattr(l_3_detail, 'text')))
                yield '\n'
            l_3_detail = missing
        l_2_line = missing
        yield '\n'
        t_3 = 0
    l_1_section = missing
    if t_3:
        pass
        yield '# No changes\n\nThe two versions say the same.\n'

blocks = {}
debug_info = '4=19&5=21&6=25&7=27&5=32&13=34&18=37&19=41&23=45&24=47&25=51&27=54&28=58&32=63&33=67&35=69&36=73&37=77&38=81'