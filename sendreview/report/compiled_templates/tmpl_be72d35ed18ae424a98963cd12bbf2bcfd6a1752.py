from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_context.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_m = resolve('m')
    l_0_voice = resolve('voice')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_2 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    try:
        t_3 = environment.filters['sendreview-size']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-size' found.")
    pass
    yield '# Context of the school\n\n'
    if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'prompt'):
        pass
        yield '*'
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'prompt')))
        yield '*\n\n'
    if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'as_of') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'source')):
        pass
        yield 'Figures'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'as_of'):
            pass
            yield ' as at '
            yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'as_of')))
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'source'):
            pass
            yield ' ('
            yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'source')))
            yield ')'
        yield '.\n\n'
    def macro():
        t_4 = []
        pass
        t_4.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), (['Key SEND statistics', 'This school', 'National'] if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'has_national') else ['Key SEND statistics', 'This school'])))),
            '\n',
        ))
        for l_2_row in t_2(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'figures')):
            _loop_vars = {}
            pass
            t_4.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), (environment.getattr(l_2_row, 'cells') if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'has_national') else environment.getattr(l_2_row, 'cells')[:2]), _loop_vars=_loop_vars))),
                '\n',
            ))
        l_2_row = missing
        return concat(t_4)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), ('50,25,25' if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'has_national') else '60,40'), id='key-statistics', caller=caller)
    yield '\n'
    if (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'has_national') and (environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_source') or environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_of'))):
        pass
        yield escape(environment.finalize(markup_join((t_3(markup_join(('National figures', (markup_join((t_3(markup_join((' for ', environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_of'), ))), )) if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_of') else ''), (markup_join((t_3(markup_join((': ', environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_source'), ))), )) if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_source') else '.'), ))), ))))
        yield '\n\n'
    if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'comparison'):
        pass
        def macro():
            t_5 = []
            pass
            t_5.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Attendance and behaviour', 'Pupils with SEND', 'Whole school']))),
                '\n',
            ))
            for l_2_row in t_2(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'comparison')):
                _loop_vars = {}
                pass
                t_5.extend((
                    escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), environment.getattr(l_2_row, 'cells'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_2_row = missing
            return concat(t_5)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '50,25,25', id='send-and-whole-school', caller=caller)
        yield '\n'
    if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'needs'):
        pass
        def macro():
            t_6 = []
            pass
            t_6.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Primary type of need', 'Pupils', 'Share of pupils with SEND']))),
                '\n',
            ))
            for l_2_row in t_2(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'needs')):
                _loop_vars = {}
                pass
                t_6.extend((
                    escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), environment.getattr(l_2_row, 'cells'), _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_2_row = missing
            return concat(t_6)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '50,25,25', id='primary-needs', caller=caller)
        yield '\n'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_needs'):
            pass
            yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'national_needs')))
            yield '\n\n'
    if ((undefined(name='voice') if l_0_voice is missing else l_0_voice) == 'school'):
        pass
        yield escape(environment.finalize(t_1(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school_context'))))
        yield '\n\n'
    else:
        pass
        yield escape(environment.finalize(t_1(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'narrative'))))
        yield '\n\n'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'staffing'):
            pass
            yield '## Staffing\n\n'
            yield escape(environment.finalize(t_1(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'context'), 'staffing'))))
            yield '\n\n'

blocks = {}
debug_info = '6=33&7=36&10=38&11=41&14=51&15=55&16=58&17=62&14=68&21=70&22=72&25=74&26=76&27=80&28=83&29=87&26=93&34=95&35=97&36=101&37=104&38=108&35=114&42=116&43=118&47=120&48=122&51=126&53=128&56=131'